/** The shared port suite (test/host/portSuite.ts) over the WPS fake. */
import { portSuite } from "../host/portSuite";
import { WPS_HOST } from "./wpsHost";

portSuite(WPS_HOST);
