region        = "us-west-2"
instance_type = "t3.medium"
gitlab_deploy_token = "gldt-KqwbUA5CogOrz26MXrD1"
project       = "checkout"
runner_token  = "glrt-4u8kriTShS-qM8qZ50IS"
min_size      = 2
registration_token = "GR1348941r_iBLxOnHPjDM537O-fr"
