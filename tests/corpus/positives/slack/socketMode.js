const { App } = require("@slack/bolt");

const app = new App({
  token: "xoxb-492323555317-3022976908718-i5E7gcItDpWVZ5Hh3dWJSFZG",
  appToken: "xapp-1-AHS3NXIDOBP-8997841467218-f37e7a9b751f81c84548a0cb38143d946ad75934032a4028784ff64a6585a12a",
  socketMode: true,
});

(async () => { await app.start(); console.log("bolt app running"); })();
