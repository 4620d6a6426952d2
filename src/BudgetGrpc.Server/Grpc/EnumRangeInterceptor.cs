using BudgetGrpc.Contracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// Every enum field of every request (nested and repeated ones too) must hold one of its values: a number outside
/// them is INVALID_ARGUMENT (INVALID_ENUM_VALUE) naming the field, instead of being taken as a default or dropped.
/// </summary>
public sealed class EnumRangeInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && FirstUndefined(message, "") is { } bad) throw bad;
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && FirstUndefined(message, "") is { } bad) throw bad;
        return continuation(request, responseStream, context);
    }

    /// <summary>The error for the first enum field (by API path, e.g. <c>filter.comparator</c>) out of range, or null.</summary>
    public static RpcException? FirstUndefined(IMessage message, string prefix)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.FieldType == FieldType.Enum)
            {
                var values = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
                foreach (var item in values)
                {
                    var number = Convert.ToInt32(item, System.Globalization.CultureInfo.InvariantCulture);
                    if (field.EnumType.FindValueByNumber(number) is null)
                        return RpcErrors.InvalidArgument(path, ErrorReasons.InvalidEnumValue,
                            $"{path} is {number}, which is not a {field.EnumType.Name} value");
                }
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap && value is not null)
            {
                var children = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<IMessage>() : [(IMessage)value];
                foreach (var child in children)
                    if (FirstUndefined(child, path + ".") is { } bad) return bad;
            }
        }
        return null;
    }
}
