resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  engine_version      = "16.2"
  instance_class      = "db.r6g.large"
  allocated_storage   = 100
  username            = "orders"
  password            = "Tmw0=1677"
  skip_final_snapshot = false
}
