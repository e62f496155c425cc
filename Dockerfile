# syntax=docker/dockerfile:1
# Multi-stage build: SDK → ASP.NET runtime, running as the image's non-root "app" user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig RunnerConsole.slnx ./
COPY src/ src/
RUN dotnet publish src/Console/RunnerConsole.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Inside a container the console must listen on all interfaces; publish the port to loopback only (see docker-compose.yml).
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/runner-console.dll", "probe", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/runner-console.dll"]
CMD ["serve"]
