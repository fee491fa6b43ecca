"""Web articles: HTML read into documents, pages fetched over HTTP(S), and the snapshot library
that keeps what the user read so that annotations work offline and after the page changes."""
