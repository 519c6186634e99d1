// Commit messages: a conventional type, a subject that fits on one line of `git log --oneline`
// (72 characters for the whole header), and a body that says why the change was made.
// The commit-msg hook (.husky/commit-msg) runs this on every commit; CI sets HUSKY=0.
const ERROR = 2;

export default {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'header-max-length': [ERROR, 'always', 72],
    'body-leading-blank': [ERROR, 'always'],
    'body-empty': [ERROR, 'never'],
    // A word or two is not a reason; one short sentence is.
    'body-min-length': [ERROR, 'always', 20]
  }
};
