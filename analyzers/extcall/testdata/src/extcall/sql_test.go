package extcall

import (
	"database/sql"
	"fmt"
	"os"
	"testing"

	"apiclient"
)

func TestOpenNetworkDSN(t *testing.T) {
	sql.Open("postgres", "postgres://app:secret@db.prod.internal:5432/orders?sslmode=require") // want `test opens a database on external host db.prod.internal; use an in-memory or a local test database`
	sql.Open("mysql", "app:secret@tcp(mysql.prod.example-corp.com:3306)/orders")               // want `database on external host mysql.prod.example-corp.com`
	sql.Open("pgx", "host=10.0.3.7 port=5432 user=app dbname=orders")                          // want `database on external host 10.0.3.7`
	sql.Open("sqlserver", "server=sql.corp.net;user id=sa;password=x")                         // want `database on external host sql.corp.net`
	dsn := fmt.Sprintf("postgres://%s@pg.internal.acme.io/%s", "app", "orders")
	sql.Open("postgres", dsn) // want `database on external host pg.internal.acme.io`
	sql.Open("postgres", fmt.Sprintf("postgres://app@%s/orders", os.Getenv("PGHOST")))
	apiclient.Open("postgres://app@analytics.acme.io:5432/events") // want `database on external host analytics.acme.io via apiclient.Open`
}

func TestOpenLocalDSN(t *testing.T) {
	sql.Open("sqlite3", ":memory:")
	sql.Open("sqlite", "file::memory:?cache=shared")
	sql.Open("sqlite", "file:test.db?mode=memory&cache=shared")
	sql.Open("sqlite3", "testdata/fixtures.db")
	sql.Open("postgres", "postgres://app@localhost:5432/orders?sslmode=disable")
	sql.Open("postgres", "host=/var/run/postgresql user=app")
	sql.Open("mysql", "root@tcp(127.0.0.1:3306)/test")
	sql.Open("mysql", "root@unix(/tmp/mysql.sock)/test")
	sql.Open("postgres", "host=postgres user=app dbname=test") // a container on the test network
	sql.Open("postgres", "")
	sql.Open("txdb", "orders-test")
	sql.Open("pgx", "host="+t.Name())
	apiclient.Open(":memory:")
}
