-- Known serials (optional): the vendor's list of the tokens bought. A
-- store with any refuses to start an operation on a serial not in it.
-- Appended by an administrator, never updated or deleted.
CREATE TABLE stock (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    station TEXT NOT NULL,
    serial TEXT NOT NULL UNIQUE,
    source TEXT
);
CREATE TRIGGER stock_append_only_u BEFORE UPDATE ON stock
    BEGIN SELECT RAISE(ABORT, 'the stock list is append-only'); END;
CREATE TRIGGER stock_append_only_d BEFORE DELETE ON stock
    BEGIN SELECT RAISE(ABORT, 'the stock list is append-only'); END;
