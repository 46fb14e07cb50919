// Which actors matter to which user role: used to weight retrieval when the client says who is asking.
export const ROLES = ['bemiddelaar', 'hr', 'sector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_ACTORS: Record<Role, string[]> = {
  bemiddelaar: ['vdab', 'inburgering'],
  hr: ['sectoren-werkgevers'],
  sector: ['sectoren-werkgevers', 'sociale-partners'],
};
