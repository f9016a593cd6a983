broker_url = "amqp://celery:C0pp3r_6489@rabbitmq.orbitpay.internal:5672/orders"
result_backend = "rpc://"
task_serializer = "json"
accept_content = ["json"]
timezone = "UTC"
