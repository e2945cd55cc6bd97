-- One database per service, plus Keycloak's (run once, on an empty volume, by the postgres image).
CREATE DATABASE directory OWNER cpd;
CREATE DATABASE relationships OWNER cpd;
CREATE DATABASE goals OWNER cpd;
CREATE DATABASE keycloak OWNER cpd;
