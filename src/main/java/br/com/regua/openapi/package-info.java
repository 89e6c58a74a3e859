/** The OpenAPI document and Swagger UI. */
package br.com.regua.openapi;
