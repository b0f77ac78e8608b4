-- Display names of maps and game modes (facts of PUBG's official dictionaries, api-assets mapName and
-- gameMode), for reports to join on. matches.map_name already holds the map's display name (one name
-- per map: Baltic_Main, the remastered Erangel, is 'Erangel'); game_mode holds the API's code.
CREATE TABLE map_names (
    internal_name TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL
);
INSERT INTO map_names (internal_name, display_name) VALUES
    ('Baltic_Main', 'Erangel'),
    ('Chimera_Main', 'Paramo'),
    ('Desert_Main', 'Miramar'),
    ('DihorOtok_Main', 'Vikendi'),
    ('Erangel_Main', 'Erangel'),
    ('Heaven_Main', 'Haven'),
    ('Kiki_Main', 'Deston'),
    ('Neon_Main', 'Rondo'),
    ('Range_Main', 'Camp Jackal'),
    ('Savage_Main', 'Sanhok'),
    ('Summerland_Main', 'Karakin'),
    ('Tiger_Main', 'Taego');

CREATE TABLE game_modes (
    game_mode    TEXT PRIMARY KEY,
    display_name TEXT NOT NULL
);
INSERT INTO game_modes (game_mode, display_name) VALUES
    ('conquest-duo', 'Conquest Duo TPP'),
    ('conquest-duo-fpp', 'Conquest Duo FPP'),
    ('conquest-solo', 'Conquest Solo TPP'),
    ('conquest-solo-fpp', 'Conquest Solo FPP'),
    ('conquest-squad', 'Conquest Squad TPP'),
    ('conquest-squad-fpp', 'Conquest Squad FPP'),
    ('duo', 'Duo TPP'),
    ('duo-fpp', 'Duo FPP'),
    ('esports-duo', 'Esports Duo TPP'),
    ('esports-duo-fpp', 'Esports Duo FPP'),
    ('esports-solo', 'Esports Solo TPP'),
    ('esports-solo-fpp', 'Esports Solo FPP'),
    ('esports-squad', 'Esports Squad TPP'),
    ('esports-squad-fpp', 'Esports Squad FPP'),
    ('lab-fpp', 'Lab FPP'),
    ('lab-tpp', 'Lab TPP'),
    ('normal-duo', 'Duo TPP'),
    ('normal-duo-fpp', 'Duo FPP'),
    ('normal-solo', 'Solo TPP'),
    ('normal-solo-fpp', 'Solo FPP'),
    ('normal-squad', 'Squad TPP'),
    ('normal-squad-fpp', 'Squad FPP'),
    ('solo', 'Solo TPP'),
    ('solo-fpp', 'Solo FPP'),
    ('squad', 'Squad TPP'),
    ('squad-fpp', 'Squad FPP'),
    ('tdm', 'Team Deathmatch'),
    ('war-duo', 'War Duo TPP'),
    ('war-duo-fpp', 'War Duo FPP'),
    ('war-solo', 'War Solo TPP'),
    ('war-solo-fpp', 'War Solo FPP'),
    ('war-squad', 'Squad TPP'),
    ('war-squad-fpp', 'War Squad FPP'),
    ('zombie-duo', 'Zombie Duo TPP'),
    ('zombie-duo-fpp', 'Zombie Duo FPP'),
    ('zombie-solo', 'Zombie Solo TPP'),
    ('zombie-solo-fpp', 'Zombie Solo FPP'),
    ('zombie-squad', 'Zombie Squad TPP'),
    ('zombie-squad-fpp', 'Zombie Squad FPP');
