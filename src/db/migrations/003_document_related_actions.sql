-- Related documents (e.g. the legal framework of positive action) name the action-list actions they elaborate.
alter table documents add column related_actions integer[] not null default '{}';
