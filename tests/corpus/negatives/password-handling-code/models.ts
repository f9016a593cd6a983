export interface User {
  id: string;
  email: string;
  passwordHash: string;
  apiKeyPrefix: string | null;
}
