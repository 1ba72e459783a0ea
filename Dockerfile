# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props IssueTracker.sln ./
COPY src/Domain/IssueTracker.Domain.csproj src/Domain/
COPY src/Projections/IssueTracker.Projections.csproj src/Projections/
COPY src/Host/IssueTracker.Host.csproj src/Host/
RUN dotnet restore src/Host/IssueTracker.Host.csproj
COPY src/ src/
RUN dotnet publish src/Host/IssueTracker.Host.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "IssueTracker.Host.dll"]
