#!/usr/bin/env bash
# Regenerates Redis.Client/Help/commands.json, the help table the client embeds, from the server's command table.
# Run it after adding a command or changing a binder's CommandDoc; the client's tests fail until the file matches.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_CLIENT_HELP=1 dotnet test tests/Redis.Client.Tests --filter "FullyQualifiedName~CommandHelpDataTests.EmbeddedTableIsTheServerCommandTable" "$@"
echo "Wrote Redis.Client/Help/commands.json"
