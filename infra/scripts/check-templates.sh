#!/usr/bin/env bash
# Compiles and lints infra/main.bicep, and every parameter file in infra/checks/ (both hostings, with and without
# sign-in), with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, restored
# by the infra tests' project) and fails on any error or warning.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' Directory.Packages.props)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -x "$bicep" ]; then
  dotnet restore tests/TimeVision.Infra.Tests/TimeVision.Infra.Tests.csproj >/dev/null
  chmod +x "$bicep"
fi
"$bicep" --version

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
build="$("$bicep" build infra/main.bicep --outdir "$out" 2>&1)" || { echo "$build"; exit 1; }
lint="$("$bicep" lint infra/main.bicep 2>&1)" || { echo "$lint"; exit 1; }
params=""
checked=""
for file in infra/checks/*.bicepparam; do
  name="$(basename "$file" .bicepparam)"
  params+="$("$bicep" build-params "$file" --outfile "$out/$name.parameters.json" 2>&1)" \
    || { echo "$params"; exit 1; }
  params+="$("$bicep" lint "$file" 2>&1)" || { echo "$params"; exit 1; }
  checked+=" $name"
done
if [ -n "$build$lint$params" ]; then
  printf 'bicep reported:\n%s\n%s\n%s\n' "$build" "$lint" "$params"
  exit 1
fi
echo "infra: bicep build and bicep lint passed with no errors and no warnings, for main.bicep and infra/checks/:$checked"
