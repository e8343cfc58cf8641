-- Encrypted values of workspace tables carry their workspace in the associated data (issue 13.6). An existing
-- keyset starts at 1 and its values are re-encrypted on the next start (Vault.open), which then sets 2; a keyset
-- created from now on is bound from the start.
alter table vault_keyset add column places int not null default 1;
alter table vault_keyset alter column places set default 2;
