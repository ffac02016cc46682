#!/usr/bin/env bash
# The local platform. For now: the local AWS (moto, signature checking on).
# foreground: runs until Ctrl-C; background: returns once it answers; stop.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
mkdir -p .local
env_file=.local/dev-moto.env
case "${1:-foreground}" in
foreground)
    swift build
    "$py" scripts/local_aws.py start "$env_file"
    trap '"$py" scripts/local_aws.py stop "$env_file"; echo; echo "local platform stopped"' EXIT
    set -a; . "$env_file"; set +a
    echo "local AWS ready: AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL (credentials in $env_file)"
    echo "Ctrl-C stops it."
    while kill -0 "$MOTO_PID" 2>/dev/null; do sleep 1; done
    ;;
background)
    swift build
    [[ -f "$env_file" ]] && "$py" scripts/local_aws.py stop "$env_file"
    "$py" scripts/local_aws.py start "$env_file"
    ;;
stop)
    "$py" scripts/local_aws.py stop "$env_file"
    ;;
*) echo "usage: $0 foreground|background|stop" >&2; exit 2 ;;
esac
