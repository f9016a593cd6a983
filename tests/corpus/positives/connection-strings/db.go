package db

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const uri = "mongodb+srv://catalog-svc:pYx4gnK0d__0Y-q-0Nz5@cluster0.q8zkw.mongodb.net/?retryWrites=true&w=majority&appName=catalog"

func Connect(ctx context.Context) (*mongo.Client, error) {
	return mongo.Connect(ctx, options.Client().ApplyURI(uri))
}
