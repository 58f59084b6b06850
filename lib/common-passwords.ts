// Passwords refused outright (quality.md, item 6): the most common ones seen
// in breaches, plus this product's own name. Compared lower-cased.
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd",
  "12345678", "123456789", "1234567890", "12341234", "11111111", "00000000", "87654321",
  "qwertyui", "qwerty123", "qwertyuiop", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "asdfghjk",
  "iloveyou", "sunshine", "princess", "football", "baseball", "superman", "whatever",
  "trustno1", "letmein1", "welcome1", "welcome123", "abc12345", "abcd1234", "aa123456",
  "starwars", "computer", "michelle", "jennifer", "internet", "liverpool", "chelsea1",
  "changeme", "changeme1", "secret123", "mypassword", "loveyou1", "charlie1", "dragon12",
  "monkey123", "football1", "qwerty12", "admin123", "administrator", "default1",
  "therapy1", "therapy123", "alliance", "alliance1", "alliance123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
