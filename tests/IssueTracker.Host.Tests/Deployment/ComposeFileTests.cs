using System.Text.RegularExpressions;
using IssueTracker.Host.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;
using YamlDotNet.Serialization;

namespace IssueTracker.Host.Tests.Deployment;

/// <summary>No Docker engine runs here: these keep docker-compose.yml and the Dockerfile in step with what the host reads.</summary>
public partial class ComposeFileTests
{
    private static readonly string Root = FindRoot();
    private static readonly Dictionary<object, object> Services = (Dictionary<object, object>)Load()["services"];
    private static readonly Dictionary<object, object> Host = (Dictionary<object, object>)Services["host"];
    private static readonly Dictionary<object, object> Postgres = (Dictionary<object, object>)Services["postgres"];

    /// <summary>Configuration keys the host reads besides its own option classes.</summary>
    private static readonly string[] FrameworkKeys =
        ["ConnectionStrings:Marten", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "OTEL_EXPORTER_OTLP_ENDPOINT", "Logging:Console:FormatterName"];

    private static IConfiguration HostConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(
        ((Dictionary<object, object>)Host["environment"]).Select(e => new KeyValuePair<string, string?>(
            ((string)e.Key).Replace("__", ":"), WithDefaults((string)e.Value)))).Build();

    [Fact]
    public void Every_host_variable_is_a_key_the_host_reads()
    {
        var known = FrameworkKeys.Concat(typeof(AuthOptions).GetProperties().Select(p => "Auth:" + p.Name)).ToHashSet();
        foreach (var key in ((Dictionary<object, object>)Host["environment"]).Keys.Cast<string>())
            known.ShouldContain(key.Replace("__", ":"), $"docker-compose.yml sets {key}, which the host does not read");
    }

    [Fact]
    public void The_host_gets_a_usable_connection_string_and_signing_key()
    {
        var configuration = HostConfiguration();
        var connection = new NpgsqlConnectionStringBuilder(configuration.ConnectionString());
        Services.Keys.ShouldContain(connection.Host!);
        connection.Database.ShouldBe(((Dictionary<object, object>)Postgres["environment"])["POSTGRES_DB"]);
        connection.Username.ShouldBe(((Dictionary<object, object>)Postgres["environment"])["POSTGRES_USER"]);
    }

    [Fact]
    public void The_signing_key_comes_from_the_environment_and_the_port_is_published_on_loopback_only()
    {
        var environment = (Dictionary<object, object>)Host["environment"];
        ((string)environment["Auth__SigningKey"]).ShouldStartWith("${AUTH_SIGNING_KEY:?");
        foreach (var port in ((List<object>)Host["ports"]).Cast<string>())
            WithDefaults(port).ShouldStartWith("127.0.0.1:");
    }

    [Fact]
    public void The_host_waits_for_a_healthy_database_applies_the_schema_and_publishes_its_port()
    {
        var dependsOn = (Dictionary<object, object>)((Dictionary<object, object>)Host["depends_on"])["postgres"];
        dependsOn["condition"].ShouldBe("service_healthy");
        Postgres.ShouldContainKey("healthcheck");
        ((List<object>)Postgres["volumes"]).Cast<string>().ShouldContain(v => v.EndsWith(":/var/lib/postgresql/data"));

        string.Join(" ", ((List<object>)Host["entrypoint"]).Cast<string>()).ShouldContain("IssueTracker.Host.dll db-apply &&");

        var listening = Port().Match(HostConfiguration()["ASPNETCORE_URLS"]!).Groups[1].Value;
        ((List<object>)Host["ports"]).Cast<string>().ShouldContain(p => p.EndsWith(":" + listening));
        File.ReadAllText(Path.Combine(Root, "Dockerfile")).ShouldContain("EXPOSE " + listening);
    }

    [Fact]
    public void The_image_runs_pre_generated_code_as_a_non_root_user()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        dockerfile.ShouldContain("-- codegen write");
        dockerfile.ShouldContain("ASPNETCORE_ENVIRONMENT=Production");
        dockerfile.Split('\n').Last(l => l.StartsWith("USER ", StringComparison.Ordinal)).ShouldNotContain("root");
    }

    private static string WithDefaults(string value) => ComposeDefault().Replace(value, m => m.Groups[1].Value);

    private static Dictionary<object, object> Load() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docker-compose.yml"))) return dir.FullName;
        throw new FileNotFoundException("docker-compose.yml not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex ComposeDefault();

    [GeneratedRegex(@":(\d+)\s*$")]
    private static partial Regex Port();
}
