# syntax=docker/dockerfile:1
# The IssueTracker host. Build: docker build -t issuetracker .   Run it with docker-compose.yml, or see README
# ("Running in production"): apply the schema with `db-apply` before the service starts.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
COPY Directory.Build.props Directory.Packages.props IssueTracker.sln ./
COPY src/Domain/IssueTracker.Domain.csproj src/Domain/
COPY src/Projections/IssueTracker.Projections.csproj src/Projections/
COPY src/Host/IssueTracker.Host.csproj src/Host/
RUN dotnet restore src/Host/IssueTracker.Host.csproj
COPY src/ src/
# Production loads Wolverine's and Marten's generated code pre-built (TypeLoadMode.Static) instead of compiling it at
# start: write it, then compile it in. Writing it needs the configuration to be complete, not a reachable database.
RUN dotnet build src/Host/IssueTracker.Host.csproj -c Release --no-restore \
 && ConnectionStrings__Marten="Host=unused;Database=unused" \
    dotnet run --project src/Host/IssueTracker.Host.csproj -c Release --no-build -- codegen write \
 && ConnectionStrings__Marten="Host=unused;Database=unused" ASPNETCORE_ENVIRONMENT=Development \
    dotnet run --project src/Host/IssueTracker.Host.csproj -c Release --no-build -- openapi --output /src/openapi.json \
 && dotnet publish src/Host/IssueTracker.Host.csproj -c Release -o /app --no-restore

# The workbench (src/Web): its API types are generated from the document the host just wrote, then type-checked and
# bundled into the published static files.
FROM node:24-bookworm-slim AS web
WORKDIR /src/src/Web
COPY src/Web/package.json src/Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Web/ ./
COPY --from=build /src/openapi.json /src/openapi.json
RUN mkdir -p ../Host/wwwroot && ISSUETRACKER_OPENAPI=/src/openapi.json npm run build

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
COPY --from=web /src/src/Host/wwwroot/app ./wwwroot/app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The image's unprivileged user (uid 1654): the service needs no root and cannot write to /app.
USER app
ENTRYPOINT ["dotnet", "IssueTracker.Host.dll"]
