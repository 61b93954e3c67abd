#!/usr/bin/env bash
# Builds the app image in Azure Container Registry (no local Docker engine needed) from the committed sources,
# points the Function App at it (a container app with hosting = containerapps, the default, or a Function App on
# Elastic Premium) and records it for the next `azd provision`.
# azd runs this after provisioning (azure.yaml's postprovision hook) with the template's outputs in the
# environment; to redeploy after a code change: `azd hooks run postprovision`, or set the variables yourself.
set -euo pipefail
: "${AZURE_RESOURCE_GROUP:?run azd provision first, or set AZURE_RESOURCE_GROUP}"
: "${AZURE_CONTAINER_REGISTRY_NAME:?set AZURE_CONTAINER_REGISTRY_NAME (a template output)}"
: "${AZURE_CONTAINER_REGISTRY_ENDPOINT:?set AZURE_CONTAINER_REGISTRY_ENDPOINT (a template output)}"
: "${FUNCTION_APP_NAME:?set FUNCTION_APP_NAME (a template output)}"

root="$(cd "$(dirname "$0")/../.." && pwd)"
tag="$(git -C "$root" rev-parse --short=12 HEAD)"
image="timevision-functions:${tag}"

# The build context: the committed files the Dockerfile copies, nothing from the working tree.
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
git -C "$root" archive HEAD global.json Directory.Build.props Directory.Packages.props .editorconfig host.json src infra/Dockerfile \
  | tar -x -C "$context"

az acr build --registry "$AZURE_CONTAINER_REGISTRY_NAME" --image "$image" --file "$context/infra/Dockerfile" "$context"
if [ "${HOSTING:-containerapps}" = "containerapps" ]; then
  az containerapp update --name "$FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
    --image "${AZURE_CONTAINER_REGISTRY_ENDPOINT}/${image}" --output none
else
  az functionapp config container set --name "$FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
    --image "${AZURE_CONTAINER_REGISTRY_ENDPOINT}/${image}" --output none
fi
if command -v azd >/dev/null 2>&1; then
  azd env set SERVICE_FUNCTIONS_IMAGE_NAME "${AZURE_CONTAINER_REGISTRY_ENDPOINT}/${image}"
fi
echo "deployed ${AZURE_CONTAINER_REGISTRY_ENDPOINT}/${image} to ${FUNCTION_APP_NAME}"
