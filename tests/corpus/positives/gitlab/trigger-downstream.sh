curl -X POST --fail \
     -F token=glptt-c8293f48e3374d316635bc5d19b2bca9cfaf0ba4 \
     -F ref=main \
     -F "variables[UPSTREAM_SHA]=${CI_COMMIT_SHA}" \
     https://gitlab.orbitpay.io/api/v4/projects/212/trigger/pipeline
