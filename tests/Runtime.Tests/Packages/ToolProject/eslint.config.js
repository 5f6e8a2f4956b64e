module.exports = [
  {
    files: ["**/*.js"],
    ignores: ["dist/**"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", console: "readonly" },
    },
    rules: {
      "no-unused-vars": "error",
      "no-undef": "error",
      eqeqeq: "error",
      "prefer-const": "error",
    },
  },
];
