region        = "us-west-2"
instance_type = "t3.medium"
fireworks_api_key = "fw_fmXsRTUHj3nWqQQi6rf9inW8"
project       = "checkout"
together_api_key = "777540589dc7bb55ed1860963f1737935dfba812af8ec0483c1ab19d88fd875a"
min_size      = 2
