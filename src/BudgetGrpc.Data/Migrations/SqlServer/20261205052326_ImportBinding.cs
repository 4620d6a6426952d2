using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ImportBinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Uploads_RequestId",
                table: "Uploads");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContentDroppedAt",
                table: "Uploads",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "Uploads",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FindingsJson",
                table: "Uploads",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyScope",
                table: "Uploads",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ValidateOnly",
                table: "Uploads",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_KeyScope_RequestId",
                table: "Uploads",
                columns: new[] { "KeyScope", "RequestId" },
                unique: true,
                filter: "[RequestId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Uploads_KeyScope_RequestId",
                table: "Uploads");

            migrationBuilder.DropColumn(
                name: "ContentDroppedAt",
                table: "Uploads");

            migrationBuilder.DropColumn(
                name: "Field",
                table: "Uploads");

            migrationBuilder.DropColumn(
                name: "FindingsJson",
                table: "Uploads");

            migrationBuilder.DropColumn(
                name: "KeyScope",
                table: "Uploads");

            migrationBuilder.DropColumn(
                name: "ValidateOnly",
                table: "Uploads");

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_RequestId",
                table: "Uploads",
                column: "RequestId");
        }
    }
}
