conn = pymysql.connect(host=cfg.host, user=cfg.user, password=cfg.password, database=cfg.db)
