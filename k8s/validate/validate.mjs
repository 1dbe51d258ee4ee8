// Validates rendered Kubernetes objects offline: built-in kinds against the Kubernetes OpenAPI schemas
// (npm kubernetes-models), ServiceMonitors against prometheus-operator's (npm
// @kubernetes-models/prometheus-operator), the operators' custom resources against crd-schemas.json.
// An object of a kind none of these knows is an error: every object is checked.
//
// usage: node validate.mjs <node_modules dir> <objects.json>   (a JSON array of objects)
// prints one line per invalid object and exits 1 if there is any.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";

const [modules, objectsFile] = process.argv.slice(2);
const objects = JSON.parse(readFileSync(objectsFile, "utf8"));
const crds = JSON.parse(readFileSync(join(dirname(new URL(import.meta.url).pathname), "crd-schemas.json"), "utf8")).kinds;
const Ajv = createRequire(join(modules, "ajv", "package.json"))("ajv");
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map();

function modelFile(apiVersion, kind) {
  if (apiVersion === "monitoring.coreos.com/v1") {
    return join(modules, "@kubernetes-models", "prometheus-operator", apiVersion, `${kind}.js`);
  }
  return join(modules, "kubernetes-models", apiVersion, `${kind}.js`);
}

async function problems(o) {
  if (typeof o?.apiVersion !== "string" || typeof o?.kind !== "string") return ["no apiVersion or kind"];
  if (typeof o.metadata?.name !== "string" || o.metadata.name === "") return ["no metadata.name"];
  const crd = crds[`${o.apiVersion}/${o.kind}`];
  if (crd) {
    const key = `${o.apiVersion}/${o.kind}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(crd));
    const validate = compiled.get(key);
    return validate(o.spec ?? {}) ? [] : validate.errors.map(e => `spec${e.instancePath} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
  }
  let model;
  try {
    model = (await import(pathToFileURL(modelFile(o.apiVersion, o.kind)).href))[o.kind];
  } catch {
    return [`no schema for ${o.apiVersion} ${o.kind}`];
  }
  try {
    new model(o).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

let invalid = 0;
for (const o of objects) {
  const found = await problems(o);
  if (found.length) {
    invalid++;
    console.log(`${o?.kind}/${o?.metadata?.namespace ?? ""}/${o?.metadata?.name}: ${found.join("; ").replace(/\s+/g, " ")}`);
  }
}
console.log(`validated ${objects.length} objects, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
