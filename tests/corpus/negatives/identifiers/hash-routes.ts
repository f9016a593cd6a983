export const routes = {
  "d180d3c84a5d": () => import("./pages/page0"),
  "2ef00f9eb5b4": () => import("./pages/page1"),
  "aa6c888c16f7": () => import("./pages/page2"),
  "85f2b7e8a4d4": () => import("./pages/page3"),
  "53904dba2cb1": () => import("./pages/page4"),
  "3b7cc97021c8": () => import("./pages/page5"),
  "d04d3f1a1fd0": () => import("./pages/page6"),
  "2bb51f6e2bff": () => import("./pages/page7"),
};
