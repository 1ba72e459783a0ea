using IssueTracker.Domain.Issues;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Attachments;

/// <summary>The upload's multipart body and the photo's binary answer, which the endpoints' signatures cannot describe.</summary>
internal sealed class AttachmentOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var method = OperationNames.EndpointMethod(context.Description.ActionDescriptor.EndpointMetadata, context.Description.ActionDescriptor);
        if (method?.DeclaringType == typeof(AttachPhotosEndpoint)) DescribeUpload(operation);
        if (method?.DeclaringType == typeof(GetAttachmentEndpoint)) DescribeImage(operation);
        return Task.CompletedTask;
    }

    private static void DescribeUpload(OpenApiOperation operation)
    {
        operation.Summary = "Attach photos to an issue (整改前后照片)";
        operation.Description = (operation.Description is { } who ? who + " " : "") +
            "Reporters and hosts: step report (any open status); the assigned organisation: progress and resolution " +
            "(acknowledged, in progress or resolved); hosts: any step. JPEG, PNG or WebP by content; metadata (EXIF GPS " +
            "included) is removed after the orientation is applied. At most 9 photos per step.";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "step", "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["step"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Enum = [.. Enum.GetNames<AttachmentStep>().Select(n => (System.Text.Json.Nodes.JsonNode)IssueStatuses.JsonName(n))]
                            },
                            ["file"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array, MinItems = 1, MaxItems = PhotoCounts.MaxPerStep,
                                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }
                            }
                        }
                    }
                }
            }
        };
    }

    private static void DescribeImage(OpenApiOperation operation)
    {
        operation.Summary = "Get an attached photo, or its ≤ 320 px thumbnail (ETag = SHA-256)";
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Description = "The photo's bytes.";
        response.Content = new Dictionary<string, OpenApiMediaType>(
            new[] { "image/jpeg", "image/png", "image/webp" }.Select(type => KeyValuePair.Create(type,
                new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } })));
    }
}
