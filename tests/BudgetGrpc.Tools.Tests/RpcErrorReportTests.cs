using BudgetGrpc.Tools.Remote;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>How a failed call reads and which exit code it gives, for statuses a test server does not easily produce.</summary>
public sealed class RpcErrorReportTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT", ExitCodes.Findings)]
    [InlineData(StatusCode.NotFound, "NOT_FOUND", ExitCodes.Findings)]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED", ExitCodes.Findings)]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED", ExitCodes.Findings)]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION", ExitCodes.Findings)]
    [InlineData(StatusCode.ResourceExhausted, "RESOURCE_EXHAUSTED", ExitCodes.Findings)]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE", ExitCodes.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED", ExitCodes.Unavailable)]
    [InlineData(StatusCode.Internal, "INTERNAL", ExitCodes.Unavailable)]
    [InlineData(StatusCode.Unimplemented, "UNIMPLEMENTED", ExitCodes.Unavailable)]
    [InlineData(StatusCode.DataLoss, "DATA_LOSS", ExitCodes.Unavailable)]
    public void Status_codes_have_their_spec_names_and_exit_codes(StatusCode code, string name, int exitCode)
    {
        Assert.Equal(name, RpcErrorReport.CodeName(code));
        Assert.Equal(exitCode, RpcErrorReport.ExitCode(code));
    }

    [Fact]
    public void Rich_status_shows_the_reason_and_each_field_violation()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "page_size must not be negative",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = "INVALID_PAGE_SIZE", Domain = "budget.v1" }),
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        new BadRequest.Types.FieldViolation { Field = "page_size", Description = "page_size must not be negative" },
                        new BadRequest.Types.FieldViolation { Field = "page_token", Description = "the token belongs to another query" },
                    },
                }),
            },
        };

        var text = RpcErrorReport.Describe(status.ToRpcException());

        Assert.Equal("error INVALID_ARGUMENT (INVALID_PAGE_SIZE): page_size must not be negative\n" +
            "  page_size\n" +
            "  page_token: the token belongs to another query", text);
    }

    [Fact]
    public void A_plain_status_has_no_reason()
    {
        var text = RpcErrorReport.Describe(new RpcException(new Grpc.Core.Status(StatusCode.Internal, "boom")));

        Assert.Equal("error INTERNAL: boom", text);
    }
}
