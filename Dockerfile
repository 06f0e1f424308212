# vaultsite in a container: the static binary alone, on an empty image.
#
#   docker build -t vaultsite .
#   docker run --rm -v "$PWD:/vault:ro" -v "$PWD/../site:/out" vaultsite
#
# The vault is mounted read-only at /vault; the site is written to
# /out/public. Mount the folder that holds the output, not the output
# itself: a build writes the new site beside the old one and swaps the
# two, which a mount point cannot take part in.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -buildid=" -o /vaultsite ./cmd/vaultsite

FROM scratch
# check --external asks web servers over HTTPS.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /vaultsite /vaultsite
WORKDIR /vault
ENTRYPOINT ["/vaultsite"]
CMD ["build", "/vault", "-o", "/out/public"]
