# syntax=docker/dockerfile:1
# moderate as a container: built in one stage, run in a slim one as a non-root user. The default
# policy (rules/, wordlists/, models/) is compiled into the binary; mount a directory and pass
# --rules (or MODERATE_RULES) to serve another, and reload it with SIGHUP or POST /admin/reload.
#
#   docker build -t moderate .
#   docker run --rm -p 8080:8080 -e MODERATE_ADMIN_TOKEN=… moderate
#
# Several replicas behind a load balancer: deploy/haproxy.cfg, and tools/scale-out.sh, which runs
# three on loopback and tests them.

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin moderate

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin moderate
COPY --from=build /src/target/release/moderate /usr/local/bin/moderate
USER 10001:10001
ENV MODERATE_ADDR=0.0.0.0:8080 \
    MODERATE_LOG_FORMAT=json
EXPOSE 8080
# SIGTERM: requests in flight finish (30 s grace, MODERATE_SHUTDOWN_GRACE), then the process exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/moderate"]
CMD ["serve"]
