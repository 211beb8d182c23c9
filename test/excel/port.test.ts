/** The shared port suite (test/host/portSuite.ts) over the Office.js fake. */
import { portSuite } from "../host/portSuite";
import { EXCEL_HOST } from "./excelHost";

portSuite(EXCEL_HOST);
