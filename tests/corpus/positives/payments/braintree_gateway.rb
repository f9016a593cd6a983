gateway = Braintree::Gateway.new(
  access_token: "access_token$production$17kbsdur3wxugw27$a413f61cb07bd12683c7372b46443671",
)

legacy = Braintree::Gateway.new(
  environment: :production,
  merchant_id: "7kq2x9m4wbn5h8cd",
  public_key: "r4m8vq2x6c7k9ztw",
  private_key: "797fc4f2a92c0a1b11ce034394c5decc",
)
