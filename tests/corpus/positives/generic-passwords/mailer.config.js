module.exports = {
  "host": "smtp.mailprovider.net",
  "port": 465,
  "secure": true,
  "auth": {
    "user": "noreply@orbitpay.io",
    "pass": "Psgohjfe7!"
  }
};
