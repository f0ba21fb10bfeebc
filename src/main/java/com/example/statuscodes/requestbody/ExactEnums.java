package com.example.statuscodes.requestbody;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * An enum is read by its exact name: Jackson's {@code EnumDeserializer} retries an unknown name trimmed, so
 * {@code " ADMIN"} and {@code "ADMIN\n"} were ADMIN while {@code "Admin"} was a 400. No constant's name has white space
 * around it, so a value that does is refused before that retry, with the same 400 as any unknown name.
 */
final class ExactEnums extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                       BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
        return new Untrimmed(deserializer, type.getRawClass());
    }

    private static final class Untrimmed extends DelegatingDeserializer {

        private final Class<?> enumType;

        Untrimmed(ValueDeserializer<?> delegate, Class<?> enumType) {
            super(delegate);
            this.enumType = enumType;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Untrimmed(delegate, enumType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String name = parser.getString();
                if (!name.equals(name.trim())) {
                    throw context.weirdStringException(name, enumType, "not one of the names of " + enumType.getSimpleName());
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
