// web/src/main.tsx — entry point: loads config.json, registers the screens' routes, mounts the app. Layer: web.
import { render } from "preact";
import { loadConfig } from "./api";
import { App } from "./app";
import { addRoutes } from "./routes";
import { AdvisorScreen, AssessmentScreen } from "./screens/advisor";
import { CatalogScreen } from "./screens/catalog";
import { CatalogImportScreen } from "./screens/catalog_import";
import { PatternScreen } from "./screens/pattern";
import { RadarScreen } from "./screens/radar";
import { TeamScreen } from "./screens/team";
import { UsageScreen } from "./screens/usage";
import "./style.css";

addRoutes([
  { pattern: "/", screen: CatalogScreen, title: "Catalog" },
  { pattern: "/patterns", screen: CatalogScreen, title: "Catalog" },
  { pattern: "/patterns/:id", screen: PatternScreen, title: "Pattern" },
  { pattern: "/import", screen: CatalogImportScreen, title: "Import patterns" },
  { pattern: "/radar", screen: RadarScreen, title: "Radar" },
  { pattern: "/advisor", screen: AdvisorScreen, title: "Advisor" },
  { pattern: "/advisor/:id", screen: AssessmentScreen, title: "Assessment" },
  { pattern: "/team", screen: TeamScreen, title: "Team" },
  { pattern: "/usage", screen: UsageScreen, title: "Usage" },
]);

loadConfig().then(() => render(<App />, document.getElementById("app")!));
