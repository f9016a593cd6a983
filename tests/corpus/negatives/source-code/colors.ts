export const palette = {
  shade0: "#63b191",
  shade1: "#2afe28",
  shade2: "#0b4a73",
  shade3: "#aad653",
  shade4: "#f7f10a",
  shade5: "#042149",
  shade6: "#e94019",
  shade7: "#1f8584",
  shade8: "#c2fc1d",
  shade9: "#5e6aec",
  shade10: "#7fe690",
  shade11: "#b82fd9",
};
