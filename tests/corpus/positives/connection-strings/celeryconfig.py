broker_url = "amqp://celery:Cwq4.740@rabbitmq.orbitpay.internal:5672/orders"
result_backend = "rpc://"
task_serializer = "json"
accept_content = ["json"]
timezone = "UTC"
