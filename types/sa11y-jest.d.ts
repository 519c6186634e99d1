// Brings @sa11y/jest's global `expect(...).toBeAccessible()` matcher type into every test.
import '@sa11y/jest';
