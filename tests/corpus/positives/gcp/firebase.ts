import { initializeApp } from "firebase/app";

const firebaseConfig = {
  apiKey: "AIzaU3yuuX9EnN8C5khTO_lHCAHWSecatJruikv",
  authDomain: "orbit-mobile-31b2c.firebaseapp.com",
  projectId: "orbit-mobile-31b2c",
  storageBucket: "orbit-mobile-31b2c.appspot.com",
  messagingSenderId: "448152791033",
  appId: "1:448152791033:web:7c0b1f93ad54e2c81f0a9e",
};

export const app = initializeApp(firebaseConfig);
