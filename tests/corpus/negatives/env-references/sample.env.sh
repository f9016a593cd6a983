# source this after `op signin`
export API_KEY="$(op read op://Engineering/OrbitAPI/credential)"
export DB_PASSWORD="$(pass show orbit/db)"
