using Microsoft.AspNetCore.OpenApi;

namespace IssueTracker.Host.Attachments;

/// <summary>Attachments:* settings.</summary>
public sealed class AttachmentOptions
{
    /// <summary>"postgresql" (the default: a table of its own) or "filesystem" (files under <see cref="Path"/>).</summary>
    public string Store { get; set; } = "postgresql";
    public string? Path { get; set; }
    public long MaxPixels { get; set; } = 40_000_000;
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How old stored bytes without a committed event must be before the sweep removes them.</summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public bool OnFileSystem => string.Equals(Store, "filesystem", StringComparison.OrdinalIgnoreCase);
}

public static class AttachmentSetup
{
    public static void AddIssueTrackerAttachments(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Attachments").Get<AttachmentOptions>() ?? new AttachmentOptions();
        if (options.OnFileSystem && string.IsNullOrWhiteSpace(options.Path))
            throw new InvalidOperationException("Attachments:Store=filesystem needs Attachments:Path, the folder to keep files in.");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PhotoProcessing>();
        if (options.OnFileSystem)
            builder.Services.AddSingleton<IAttachmentStore>(new FileSystemAttachmentStore(options.Path!));
        else
            builder.Services.AddSingleton<IAttachmentStore, PostgresAttachmentStore>();
        builder.Services.ConfigureMarten(marten => marten.Storage.ExtendedSchemaObjects.Add(PostgresAttachmentStore.Definition()));
        // One instance, so that the verify command and tests can sweep on demand what the background service sweeps.
        builder.Services.AddSingleton<OrphanSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OrphanSweep>());
        builder.Services.Configure<OpenApiOptions>("v1", openApi => openApi.AddOperationTransformer<AttachmentOpenApi>());
    }
}
