// PostCSS for Mantine's styles (mixins, rem/em functions, breakpoints).
export default {
  plugins: {
    "postcss-preset-mantine": {},
  },
};
