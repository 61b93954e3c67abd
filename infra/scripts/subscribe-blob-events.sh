#!/usr/bin/env bash
# Subscribes the blob trigger's webhook to the storage account's Event Grid system topic: BlobCreated events under
# drawings/, undeliverable ones to the dead-letter container. Run after deploy-image.sh (azure.yaml's postprovision
# hook runs both): Event Grid checks a webhook when it is subscribed, so the app must already run its own image.
# The webhook's key is the blobs_extension system key the template seeded into the host-keys vault; it is read here,
# passed to Event Grid and never printed. Running it again updates the subscription in place.
set -euo pipefail
: "${AZURE_RESOURCE_GROUP:?run azd provision first, or set AZURE_RESOURCE_GROUP}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME (a template output)}"
: "${BLOB_EVENTS_TOPIC_NAME:?set BLOB_EVENTS_TOPIC_NAME (a template output)}"
: "${BLOB_EVENTS_DEAD_LETTER_CONTAINER:?set BLOB_EVENTS_DEAD_LETTER_CONTAINER (a template output)}"
: "${FUNCTION_APP_HOST:?set FUNCTION_APP_HOST (a template output)}"
: "${HOST_KEYS_VAULT_NAME:?set HOST_KEYS_VAULT_NAME (a template output)}"
: "${BLOBS_EXTENSION_KEY_SECRET_NAME:?set BLOBS_EXTENSION_KEY_SECRET_NAME (a template output)}"

subscription_name="drawings-to-blob-trigger"
function_name="DrawingBlobTrigger"

# The host answers once the new image runs; Event Grid's handshake needs it (up to about five minutes after a deploy).
for attempt in $(seq 1 30); do
  status="$(curl -s -o /dev/null -w '%{http_code}' "https://${FUNCTION_APP_HOST}/" || true)"
  [ "$status" != "000" ] && [ "$status" -lt 500 ] && break
  echo "waiting for https://${FUNCTION_APP_HOST} to answer (attempt ${attempt}, status ${status})"
  sleep 10
done

key="$(az keyvault secret show --vault-name "$HOST_KEYS_VAULT_NAME" --name "$BLOBS_EXTENSION_KEY_SECRET_NAME" --query value --output tsv)"
endpoint="https://${FUNCTION_APP_HOST}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"
storage_id="$(az storage account show --name "$AZURE_STORAGE_ACCOUNT_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --query id --output tsv)"

az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$BLOB_EVENTS_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/drawings/ \
  --event-delivery-schema eventgridschema \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --deadletter-identity systemassigned \
  --deadletter-identity-endpoint "${storage_id}/blobServices/default/containers/${BLOB_EVENTS_DEAD_LETTER_CONTAINER}" \
  --output none
unset key endpoint
echo "subscribed ${function_name} on ${FUNCTION_APP_HOST} to BlobCreated events under drawings/ (${BLOB_EVENTS_TOPIC_NAME}/${subscription_name})"
