// What nearly every endpoint file uses: its slice then needs only the usings of its own area.
global using System.Security.Claims;
global using IssueTracker.Host.Infrastructure;
global using IssueTracker.Host.Infrastructure.OpenApi;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Wolverine.Http;
